build/obj/engine/solution.o: engine/solution.c engine/solution.h \
 engine/model.h engine/xmalloc.h
engine/solution.h:
engine/model.h:
engine/xmalloc.h:
