build/obj/engine/rule_capacity.o: engine/rule_capacity.c engine/model.h \
 engine/rules.h engine/state.h engine/status.h engine/xmalloc.h
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
