build/obj/cmd/store_json.o: cmd/store_json.c cmd/store_impl.h cmd/store.h \
 cmd/run.h cmd/scenario.h engine/xmalloc.h
cmd/store_impl.h:
cmd/store.h:
cmd/run.h:
cmd/scenario.h:
engine/xmalloc.h:
