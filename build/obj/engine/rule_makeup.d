build/obj/engine/rule_makeup.o: engine/rule_makeup.c engine/model.h \
 engine/rules.h engine/state.h engine/status.h engine/xmalloc.h
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
