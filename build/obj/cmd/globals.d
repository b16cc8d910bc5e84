build/obj/cmd/globals.o: cmd/globals.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
