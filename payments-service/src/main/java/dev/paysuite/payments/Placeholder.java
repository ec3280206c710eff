package dev.paysuite.payments;
public class Placeholder {}
