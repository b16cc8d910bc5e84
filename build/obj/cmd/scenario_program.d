build/obj/cmd/scenario_program.o: cmd/scenario_program.c engine/civil.h \
 cmd/scenario_int.h cmd/scenario.h engine/status.h engine/xmalloc.h
engine/civil.h:
cmd/scenario_int.h:
cmd/scenario.h:
engine/status.h:
engine/xmalloc.h:
