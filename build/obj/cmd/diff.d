build/obj/cmd/diff.o: cmd/diff.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
