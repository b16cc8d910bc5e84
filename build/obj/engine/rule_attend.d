build/obj/engine/rule_attend.o: engine/rule_attend.c engine/civil.h \
 engine/model.h engine/rules.h engine/state.h engine/status.h \
 engine/xmalloc.h
engine/civil.h:
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
