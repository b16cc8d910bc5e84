build/obj/cmd/publish.o: cmd/publish.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
