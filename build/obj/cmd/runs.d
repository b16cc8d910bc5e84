build/obj/cmd/runs.o: cmd/runs.c cmd/command.h cmd/exitcode.h cmd/store.h \
 cmd/run.h cmd/scenario.h
cmd/command.h:
cmd/exitcode.h:
cmd/store.h:
cmd/run.h:
cmd/scenario.h:
