build/obj/cmd/store_run.o: cmd/store_run.c cmd/run.h cmd/scenario.h \
 engine/status.h cmd/store.h cmd/store_impl.h engine/xmalloc.h
cmd/run.h:
cmd/scenario.h:
engine/status.h:
cmd/store.h:
cmd/store_impl.h:
engine/xmalloc.h:
