build/obj/tests/unit/test_store.o: tests/unit/test_store.c cmd/run.h \
 cmd/scenario.h engine/status.h cmd/store.h cmd/run.h cmd/scenario.h \
 cmd/store_impl.h cmd/store.h engine/xmalloc.h
cmd/run.h:
cmd/scenario.h:
engine/status.h:
cmd/store.h:
cmd/run.h:
cmd/scenario.h:
cmd/store_impl.h:
cmd/store.h:
engine/xmalloc.h:
