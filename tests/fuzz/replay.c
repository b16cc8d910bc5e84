/*
 * Runs fuzz inputs without libFuzzer: each file named on the command line
 * goes once through the target's LLVMFuzzerTestOneInput, in a buffer of
 * exactly its size so that AddressSanitizer sees any read past the end.
 * `make check` links it with each target (tests/fuzz/replay.sh) to replay
 * the seed corpora and every input a fuzzer once crashed on.  Exits 0, or
 * 66 when a file cannot be read; a bug aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "xmalloc.h"

/* The whole of path into *data (caller frees); -1 when unreadable. */
static int
replay_read(const char *path, uint8_t **data, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, got;
	int ret = 0;

	if (fp == NULL)
		return -1;
	do {
		XGROW(buf, cap, n + 4096);
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	if (ferror(fp))
		ret = -1;
	fclose(fp);
	if (ret != 0) {
		free(buf);
		return ret;
	}
	/* An exact-size copy: no slack for an overread to land in. */
	*data = xmalloc(n > 0 ? n : 1);
	memcpy(*data, buf, n);
	*size = n;
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	uint8_t *data;
	size_t size;

	for (int i = 1; i < argc; i++) {
		if (replay_read(argv[i], &data, &size) != 0) {
			fprintf(stderr, "replay: cannot read '%s'\n", argv[i]);
			return 66;
		}
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	return 0;
}
