build/obj/engine/model_prepare.o: engine/model_prepare.c engine/derived.h \
 engine/model.h engine/rules.h engine/state.h engine/status.h \
 engine/xmalloc.h
engine/derived.h:
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
