build/obj/cmd/store_scenario.o: cmd/store_scenario.c cmd/scenario.h \
 engine/status.h cmd/store.h cmd/run.h cmd/store_impl.h engine/xmalloc.h
cmd/scenario.h:
engine/status.h:
cmd/store.h:
cmd/run.h:
cmd/store_impl.h:
engine/xmalloc.h:
