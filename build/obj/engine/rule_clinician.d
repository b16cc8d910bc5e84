build/obj/engine/rule_clinician.o: engine/rule_clinician.c \
 engine/derived.h engine/model.h engine/rules.h engine/state.h \
 engine/status.h engine/xmalloc.h
engine/derived.h:
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
