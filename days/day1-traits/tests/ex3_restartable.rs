//! Exercise 3: one protocol, three unrelated types, functions over any of them.

#[path = "../src/ex3_restartable.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod ex3_restartable;

use ex3_restartable::{
    ConnectionPool, Container, Restartable, Service, Status, restart, restart_stopped,
};

/// A type of the test's own: `restart` and `restart_stopped` must take any Restartable.
struct Flaky {
    up: bool,
    restarts: u32,
}

impl Restartable for Flaky {
    fn restart(&mut self) {
        self.up = true;
        self.restarts += 1;
    }
    fn status(&self) -> Status {
        if self.up {
            Status::Running
        } else {
            Status::Stopped
        }
    }
}

/// A type of the test's own whose restart fails: it never comes up.
struct Stuck {
    restarts: u32,
}

impl Restartable for Stuck {
    fn restart(&mut self) {
        self.restarts += 1;
    }
    fn status(&self) -> Status {
        Status::Stopped
    }
}

fn service_gets_a_new_pid_on_each_restart() {
    let mut nginx = Service::new("nginx");
    assert_eq!(
        nginx.status(),
        Status::Stopped,
        "a service without a pid is Stopped"
    );
    nginx.restart();
    assert_eq!(
        nginx.pid,
        Some(1000),
        "a service's first start gets pid 1000"
    );
    assert_eq!(
        nginx.status(),
        Status::Running,
        "a service with a pid is Running"
    );
    nginx.restart();
    assert_eq!(
        nginx.pid,
        Some(1001),
        "a restart gives a new pid: the old one plus one"
    );
    assert_eq!(
        nginx.name, "nginx",
        "a restart must not change the service's name"
    );
}

fn container_counts_its_restarts() {
    let mut c = Container::new("a1b2c3");
    assert_eq!(c.status(), Status::Running, "a new container is running");
    c.running = false;
    assert_eq!(
        c.status(),
        Status::Stopped,
        "a container that is not running is Stopped"
    );
    c.restart();
    assert_eq!(
        c.status(),
        Status::Running,
        "after restart() a container is Running"
    );
    c.restart();
    assert_eq!(c.restart_count, 2, "each restart adds one to restart_count");
}

fn connection_pool_status_follows_its_open_connections() {
    let mut pool = ConnectionPool::new(10);
    assert_eq!(
        pool.status(),
        Status::Running,
        "10 of 10 connections open: Running"
    );
    pool.open = 4;
    assert_eq!(
        pool.status(),
        Status::Degraded,
        "4 of 10 connections open: Degraded, not Running nor Stopped"
    );
    pool.open = 0;
    assert_eq!(
        pool.status(),
        Status::Stopped,
        "0 of 10 connections open: Stopped"
    );
    pool.restart();
    assert_eq!(pool.open, 10, "a restart reopens every connection");
    assert_eq!(
        pool.status(),
        Status::Running,
        "after restart() the pool is Running"
    );
}

fn an_empty_connection_pool_is_running() {
    let mut empty = ConnectionPool::new(0);
    assert_eq!(
        empty.status(),
        Status::Running,
        "a pool of size 0 has all of its (zero) connections open: it is Running, not Stopped (check \
         `open == size` before `open == 0`); a restart could never bring it to Running otherwise"
    );
    empty.restart();
    assert_eq!(
        empty.status(),
        Status::Running,
        "after restart() a pool of size 0 is Running, like any other pool"
    );
}

fn restart_takes_any_restartable_and_reports_its_status() {
    let mut svc = Service::new("sshd");
    assert_eq!(
        restart(&mut svc),
        Status::Running,
        "restart(&mut service) must restart it and return Running"
    );
    assert_eq!(
        svc.pid,
        Some(1000),
        "restart() must call the item's own restart()"
    );

    let mut pool = ConnectionPool { size: 3, open: 1 };
    assert_eq!(
        restart(&mut pool),
        Status::Running,
        "restart(&mut pool) must reopen it and return Running"
    );

    let mut flaky = Flaky {
        up: false,
        restarts: 0,
    };
    assert_eq!(
        restart(&mut flaky),
        Status::Running,
        "restart() must take any Restartable, even one it has never seen"
    );
    assert_eq!(flaky.restarts, 1, "restart() must restart exactly once");

    let mut stuck = Stuck { restarts: 0 };
    assert_eq!(
        restart(&mut stuck),
        Status::Stopped,
        "restart() must return the status the item reports after the restart, not assume Running: a \
         restart can fail, and this item is still Stopped"
    );
    assert_eq!(stuck.restarts, 1, "restart() must restart exactly once");
}

fn restart_stopped_restarts_only_what_is_not_running() {
    let mut svc = Service::new("nginx"); // stopped
    let mut container = Container::new("c1"); // running
    let mut pool = ConnectionPool { size: 5, open: 2 }; // degraded
    let mut flaky = Flaky {
        up: true,
        restarts: 0,
    }; // running
    let restarted = restart_stopped(&mut [&mut svc, &mut container, &mut pool, &mut flaky]);
    assert_eq!(
        restarted, 2,
        "the stopped service and the degraded pool need a restart: 2, not {restarted}"
    );
    assert_eq!(
        svc.status(),
        Status::Running,
        "the stopped service must be restarted"
    );
    assert_eq!(
        pool.open, 5,
        "a degraded pool is not Running: it must be restarted too"
    );
    assert_eq!(
        container.restart_count, 0,
        "a running container must be left alone"
    );
    assert_eq!(flaky.restarts, 0, "a running item must be left alone");
}

fn restart_stopped_on_a_healthy_fleet_does_nothing() {
    let mut a = Container::new("a");
    let mut b = Flaky {
        up: true,
        restarts: 0,
    };
    assert_eq!(
        restart_stopped(&mut [&mut a, &mut b]),
        0,
        "nothing is stopped: nothing to restart"
    );
    assert_eq!(
        (a.restart_count, b.restarts),
        (0, 0),
        "running items must not be restarted"
    );
    assert_eq!(
        restart_stopped(&mut []),
        0,
        "an empty list has nothing to restart"
    );
}

workbook_harness::main!(
    service_gets_a_new_pid_on_each_restart,
    container_counts_its_restarts,
    connection_pool_status_follows_its_open_connections,
    an_empty_connection_pool_is_running,
    restart_takes_any_restartable_and_reports_its_status,
    restart_stopped_restarts_only_what_is_not_running,
    restart_stopped_on_a_healthy_fleet_does_nothing,
);
