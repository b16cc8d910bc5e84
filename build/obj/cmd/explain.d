build/obj/cmd/explain.o: cmd/explain.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
