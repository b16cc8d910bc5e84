build/obj/cmd/shifts.o: cmd/shifts.c calendars/cal.h cmd/command.h \
 cmd/exitcode.h cmd/model_build.h engine/model.h cmd/run.h cmd/scenario.h \
 cmd/output.h cmd/shifts_diff.h engine/status.h cmd/store.h \
 engine/xmalloc.h
calendars/cal.h:
cmd/command.h:
cmd/exitcode.h:
cmd/model_build.h:
engine/model.h:
cmd/run.h:
cmd/scenario.h:
cmd/output.h:
cmd/shifts_diff.h:
engine/status.h:
cmd/store.h:
engine/xmalloc.h:
