build/obj/cmd/demo.o: cmd/demo.c cmd/atomic.h cmd/command.h \
 cmd/demo_files.h cmd/exitcode.h cmd/output.h cmd/run.h cmd/solve_flow.h \
 engine/status.h engine/xmalloc.h
cmd/atomic.h:
cmd/command.h:
cmd/demo_files.h:
cmd/exitcode.h:
cmd/output.h:
cmd/run.h:
cmd/solve_flow.h:
engine/status.h:
engine/xmalloc.h:
