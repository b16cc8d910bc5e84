build/obj/cmd/store.o: cmd/store.c engine/status.h cmd/store.h cmd/run.h \
 cmd/scenario.h cmd/store_impl.h engine/xmalloc.h
engine/status.h:
cmd/store.h:
cmd/run.h:
cmd/scenario.h:
cmd/store_impl.h:
engine/xmalloc.h:
