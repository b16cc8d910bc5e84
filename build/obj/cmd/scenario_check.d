build/obj/cmd/scenario_check.o: cmd/scenario_check.c engine/civil.h \
 cmd/scenario_int.h cmd/scenario.h engine/status.h engine/xmalloc.h
engine/civil.h:
cmd/scenario_int.h:
cmd/scenario.h:
engine/status.h:
engine/xmalloc.h:
