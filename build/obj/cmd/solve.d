build/obj/cmd/solve.o: cmd/solve.c cmd/command.h cmd/exitcode.h \
 cmd/output.h cmd/run.h cmd/solve_flow.h
cmd/command.h:
cmd/exitcode.h:
cmd/output.h:
cmd/run.h:
cmd/solve_flow.h:
