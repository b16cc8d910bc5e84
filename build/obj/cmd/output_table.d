build/obj/cmd/output_table.o: cmd/output_table.c cmd/output.h cmd/run.h
cmd/output.h:
cmd/run.h:
