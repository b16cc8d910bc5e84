build/obj/engine/model.o: engine/model.c engine/civil.h engine/derived.h \
 engine/model.h engine/rules.h engine/state.h engine/status.h \
 engine/xmalloc.h
engine/civil.h:
engine/derived.h:
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
