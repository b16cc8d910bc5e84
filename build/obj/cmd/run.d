build/obj/cmd/run.o: cmd/run.c cmd/run.h
cmd/run.h:
