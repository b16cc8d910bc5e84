build/obj/cmd/shifts.o: cmd/shifts.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
