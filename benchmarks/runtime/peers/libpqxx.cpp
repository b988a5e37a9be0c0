// libpqxx's W1-W5 (see libpqxx.hpp).
#include "libpqxx.hpp"

#include <pqxx/pqxx>

#include <stdexcept>
#include <string>

namespace bench::peers {
namespace {

const char* const q_insert = "INSERT INTO users (id, name, email, age, score) VALUES ($1, $2, $3, $4, $5)";
const char* const q_all = "SELECT id, name, email, age, score FROM users";
const char* const q_point = "SELECT id, name, email, age, score FROM users WHERE id = $1";
const char* const q_filter =
    "SELECT id, name, email, age, score FROM users WHERE age BETWEEN $1 AND $2 ORDER BY score DESC LIMIT 100";
const char* const q_update = "UPDATE users SET age = $1, email = $2 WHERE id = $3";

User read_user(const pqxx::row& r) {
    User u;
    u.id = r[0].as<std::int64_t>();
    u.name = r[1].as<std::string>();
    u.email = r[2].as<std::string>();
    if (!r[3].is_null()) u.age = r[3].as<std::int32_t>();
    if (!r[4].is_null()) u.score = r[4].as<double>();
    return u;
}

struct PlainConnection {
    PGconn* c = PQconnectdb("");
    PlainConnection() {
        if (PQstatus(c) != CONNECTION_OK) {
            std::string message = PQerrorMessage(c);
            PQfinish(c);
            throw std::runtime_error("connect: " + message);
        }
    }
    PlainConnection(const PlainConnection&) = delete;
    PlainConnection& operator=(const PlainConnection&) = delete;
    ~PlainConnection() { PQfinish(c); }
};

}  // namespace

struct Libpqxx::State {
    PlainConnection setup;
    pqxx::connection c{""};
};

Libpqxx::Libpqxx() : s_(new State) {}
Libpqxx::Libpqxx(Libpqxx&&) noexcept = default;
Libpqxx::~Libpqxx() = default;
PGconn* Libpqxx::handle() const { return s_->setup.c; }

void Libpqxx::w1(const std::vector<User>& rows) {
    s_->c.prepare("ins", q_insert);
    pqxx::work tx(s_->c);
    for (const User& u : rows) tx.exec_prepared("ins", u.id, u.name, u.email, u.age, u.score);
    tx.commit();
}

std::vector<User> Libpqxx::w2() {
    s_->c.prepare("all", q_all);
    pqxx::nontransaction tx(s_->c);
    const pqxx::result r = tx.exec_prepared("all");
    std::vector<User> out;
    out.reserve(r.size());
    for (const pqxx::row& row : r) out.push_back(read_user(row));
    return out;
}

std::uint64_t Libpqxx::w3(std::int64_t n) {
    Check c;
    s_->c.prepare("pt", q_point);
    pqxx::nontransaction tx(s_->c);
    for (std::int64_t k = 0; k < n; ++k) {
        const pqxx::result r = tx.exec_prepared("pt", point_id(k, n));
        if (r.size() != 1) throw std::runtime_error("libpqxx w3: no row");
        c.add(read_user(r[0]));
    }
    return c.v;
}

Outcome Libpqxx::w4(std::int64_t m) {
    Check c;
    std::int64_t rows = 0;
    s_->c.prepare("flt", q_filter);
    pqxx::nontransaction tx(s_->c);
    std::vector<User> page;
    for (std::int64_t k = 0; k < m; ++k) {
        const pqxx::result r = tx.exec_prepared("flt", w4_lo(k), w4_hi(k));
        page.clear();
        for (const pqxx::row& row : r) page.push_back(read_user(row));
        for (const User& u : page) c.add(u);
        rows += static_cast<std::int64_t>(page.size());
    }
    return {rows, c.v};
}

void Libpqxx::w5(const std::vector<Update>& updates) {
    s_->c.prepare("upd", q_update);
    pqxx::work tx(s_->c);
    for (const Update& u : updates) tx.exec_prepared("upd", u.age, u.email, u.id);
    tx.commit();
}

}  // namespace bench::peers
