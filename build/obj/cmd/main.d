build/obj/cmd/main.o: cmd/main.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
