build/obj/cmd/atomic.o: cmd/atomic.c cmd/atomic.h engine/status.h \
 engine/xmalloc.h
cmd/atomic.h:
engine/status.h:
engine/xmalloc.h:
