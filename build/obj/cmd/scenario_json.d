build/obj/cmd/scenario_json.o: cmd/scenario_json.c cmd/scenario_int.h \
 cmd/scenario.h engine/status.h engine/xmalloc.h
cmd/scenario_int.h:
cmd/scenario.h:
engine/status.h:
engine/xmalloc.h:
