build/obj/cmd/scenario_msg.o: cmd/scenario_msg.c cmd/scenario_int.h \
 cmd/scenario.h engine/status.h engine/xmalloc.h
cmd/scenario_int.h:
cmd/scenario.h:
engine/status.h:
engine/xmalloc.h:
