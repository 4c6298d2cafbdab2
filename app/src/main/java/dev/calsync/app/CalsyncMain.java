package dev.calsync.app;

public final class CalsyncMain {
    public static void main(String[] args) {
        System.out.println("calsync");
    }
}
