build/obj/engine/xmalloc.o: engine/xmalloc.c engine/xmalloc.h
engine/xmalloc.h:
