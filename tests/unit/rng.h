/* Deterministic random numbers for tests (tests/unit/rng.c). */
#ifndef IOP_TEST_RNG_H
#define IOP_TEST_RNG_H

#include <stddef.h>
#include <stdint.h>

/* The next xorshift32 value of *x (never seed with 0). */
uint32_t rnd(uint32_t *x);
/* A number in [0, n). */
int	rn(uint32_t *x, int n);
/*
 * n random weekly sessions as model_fixture text into buf:
 * "MO 18:30 120, SA 09:00 60".
 */
void	random_sessions(uint32_t *x, char *buf, size_t len, int n);

#endif
