build/obj/cmd/solve_flow.o: cmd/solve_flow.c cmd/atomic.h \
 cmd/model_build.h engine/model.h cmd/run.h cmd/scenario.h cmd/output.h \
 cmd/run_build.h engine/solution.h engine/model.h cmd/solve_flow.h \
 engine/status.h cmd/store.h engine/xmalloc.h
cmd/atomic.h:
cmd/model_build.h:
engine/model.h:
cmd/run.h:
cmd/scenario.h:
cmd/output.h:
cmd/run_build.h:
engine/solution.h:
engine/model.h:
cmd/solve_flow.h:
engine/status.h:
cmd/store.h:
engine/xmalloc.h:
