build/obj/cmd/model_build.o: cmd/model_build.c calendars/cal.h \
 engine/civil.h cmd/model_build.h engine/model.h cmd/run.h cmd/scenario.h \
 engine/states.h engine/status.h engine/xmalloc.h
calendars/cal.h:
engine/civil.h:
cmd/model_build.h:
engine/model.h:
cmd/run.h:
cmd/scenario.h:
engine/states.h:
engine/status.h:
engine/xmalloc.h:
