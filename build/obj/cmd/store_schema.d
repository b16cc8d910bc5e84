build/obj/cmd/store_schema.o: cmd/store_schema.c engine/status.h \
 cmd/store_impl.h cmd/store.h cmd/run.h cmd/scenario.h engine/xmalloc.h
engine/status.h:
cmd/store_impl.h:
cmd/store.h:
cmd/run.h:
cmd/scenario.h:
engine/xmalloc.h:
