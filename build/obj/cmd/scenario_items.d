build/obj/cmd/scenario_items.o: cmd/scenario_items.c engine/civil.h \
 cmd/scenario_int.h cmd/scenario.h engine/states.h engine/status.h \
 engine/xmalloc.h
engine/civil.h:
cmd/scenario_int.h:
cmd/scenario.h:
engine/states.h:
engine/status.h:
engine/xmalloc.h:
