build/obj/engine/rule_hours.o: engine/rule_hours.c engine/model.h \
 engine/rules.h engine/state.h engine/status.h engine/xmalloc.h
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
