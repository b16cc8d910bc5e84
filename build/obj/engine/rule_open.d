build/obj/engine/rule_open.o: engine/rule_open.c engine/model.h \
 engine/rules.h engine/state.h engine/status.h engine/xmalloc.h
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
