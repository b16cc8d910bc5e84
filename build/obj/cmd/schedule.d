build/obj/cmd/schedule.o: cmd/schedule.c cmd/command.h cmd/exitcode.h \
 cmd/output.h cmd/run.h engine/status.h cmd/store.h cmd/scenario.h
cmd/command.h:
cmd/exitcode.h:
cmd/output.h:
cmd/run.h:
engine/status.h:
cmd/store.h:
cmd/scenario.h:
