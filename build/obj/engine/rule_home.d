build/obj/engine/rule_home.o: engine/rule_home.c engine/model.h \
 engine/rules.h engine/state.h engine/states.h engine/status.h \
 engine/xmalloc.h
engine/model.h:
engine/rules.h:
engine/state.h:
engine/states.h:
engine/status.h:
engine/xmalloc.h:
