build/obj/cmd/run_build.o: cmd/run_build.c engine/civil.h cmd/run_build.h \
 engine/model.h cmd/run.h cmd/scenario.h engine/solution.h engine/model.h \
 engine/xmalloc.h
engine/civil.h:
cmd/run_build.h:
engine/model.h:
cmd/run.h:
cmd/scenario.h:
engine/solution.h:
engine/model.h:
engine/xmalloc.h:
