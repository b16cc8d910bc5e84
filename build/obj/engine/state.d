build/obj/engine/state.o: engine/state.c engine/derived.h engine/model.h \
 engine/state.h engine/xmalloc.h
engine/derived.h:
engine/model.h:
engine/state.h:
engine/xmalloc.h:
