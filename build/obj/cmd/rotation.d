build/obj/cmd/rotation.o: cmd/rotation.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
