//! Every server test in one binary: one link instead of twelve keeps the
//! test command fast. Each module is one area of the server.

mod access;
mod answers;
mod common;
mod concurrency;
mod connections;
mod coordinators;
mod exports;
mod exports_print;
mod http;
mod matrix;
mod projector;
mod realtime;
mod restart;
mod second_meeting;
mod seed_change;
mod session4;
mod timeboxes;
