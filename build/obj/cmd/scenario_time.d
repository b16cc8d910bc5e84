build/obj/cmd/scenario_time.o: cmd/scenario_time.c calendars/cal.h \
 engine/civil.h cmd/scenario_int.h cmd/scenario.h engine/status.h \
 engine/xmalloc.h
calendars/cal.h:
engine/civil.h:
cmd/scenario_int.h:
cmd/scenario.h:
engine/status.h:
engine/xmalloc.h:
