build/obj/cmd/output_csv.o: cmd/output_csv.c cmd/output.h cmd/run.h \
 engine/xmalloc.h
cmd/output.h:
cmd/run.h:
engine/xmalloc.h:
