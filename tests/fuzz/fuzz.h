/*
 * What every fuzz target (tests/fuzz/fuzz_*.c) shares: libFuzzer's entry
 * point, which `make fuzz` links with libFuzzer's main and `make check`
 * with tests/fuzz/replay.c, and the checks the targets make of a cause.
 */
#ifndef IOP_FUZZ_H
#define IOP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Runs one input; returns 0, and aborts on anything that is a bug. */
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Aborts unless cause is one line (no control character, where user text
 * could break it) that starts with prefix, the file it names.
 */
void	fuzz_check_cause(const char *cause, const char *prefix);

#endif
