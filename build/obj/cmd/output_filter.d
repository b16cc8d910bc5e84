build/obj/cmd/output_filter.o: cmd/output_filter.c cmd/output.h cmd/run.h \
 engine/status.h engine/xmalloc.h
cmd/output.h:
cmd/run.h:
engine/status.h:
engine/xmalloc.h:
