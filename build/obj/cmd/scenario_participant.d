build/obj/cmd/scenario_participant.o: cmd/scenario_participant.c \
 cmd/scenario_int.h cmd/scenario.h engine/states.h engine/status.h \
 engine/xmalloc.h
cmd/scenario_int.h:
cmd/scenario.h:
engine/states.h:
engine/status.h:
engine/xmalloc.h:
