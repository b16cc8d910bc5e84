/*
 * Allocation that never returns NULL: on failure it prints one line and
 * aborts, so callers need no error path for out-of-memory.
 */
#ifndef IOP_XMALLOC_H
#define IOP_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t size);
void	*xcalloc(size_t nmemb, size_t size);
void	*xrealloc(void *ptr, size_t size);
/* Like reallocarray(3): checks nmemb * size for overflow. */
void	*xreallocarray(void *ptr, size_t nmemb, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Grow the array *v (of *cap elements) so that it can hold at least need
 * elements.  Usage: XGROW(arr.v, arr.cap, arr.n + 1);
 */
#define XGROW(v, cap, need) do {					\
	if ((size_t)(need) > (cap)) {					\
		size_t xg_new = (cap) ? (cap) * 2 : 8;			\
		while (xg_new < (size_t)(need))				\
			xg_new *= 2;					\
		(v) = xreallocarray((v), xg_new, sizeof *(v));		\
		(cap) = xg_new;						\
	}								\
} while (0)

#endif
